document.body.textContent = 'demo';
